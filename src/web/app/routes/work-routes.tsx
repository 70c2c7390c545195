import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { hubSearchSchema } from '../../features/introductions/components/shared/hub-search';
import {
  checkInSearchSchema,
  complianceSearchSchema,
  meetingSearchSchema,
  meetingsSearchSchema,
} from '../../features/meetings/components/meetings-search';
import {
  topicsSearchSchema,
  warningsSearchSchema,
} from '../../features/cell-life/components/cell-life-search';
import { paths } from '../paths';
import { authedRoute } from './root-routes';

/** Introductions, meetings and cell life: the residence work's pages. */
const introductionsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductions,
  validateSearch: hubSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/introductions/components/workplace/workplace-hub-page'),
    'WorkplaceHubPage',
  ),
});
const introductionsInboxRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductionsInbox,
  validateSearch: hubSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/introductions/components/commune/commune-hub-page'),
    'CommuneHubPage',
  ),
});
const introductionsCellRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductionsCell,
  validateSearch: hubSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/introductions/components/cell/cell-page'),
    'CellPage',
  ),
});
const letterRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.letter,
  component: lazyRouteComponent(
    () => import('../../features/introductions/components/letter/letter-page'),
    'LetterPage',
  ),
});
const myResidenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.myResidence,
  component: lazyRouteComponent(
    () => import('../../features/introductions/components/member/my-residence-page'),
    'MyResidencePage',
  ),
});

// Residential cell life (Art. 4.3): meetings, attendance, minutes, compliance.
const meetingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetings,
  validateSearch: meetingsSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/meetings/components/meetings-page'),
    'MeetingsPage',
  ),
});
const meetingsComplianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetingsCompliance,
  validateSearch: complianceSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/meetings/components/compliance-page'),
    'CompliancePage',
  ),
});
const meetingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meeting,
  validateSearch: meetingSearchSchema,
  component: lazyRouteComponent(() => import('../../features/meetings/components/meeting-page'), 'MeetingPage'),
});
/** The QR at a meeting leads here; without a session the login page brings the member back (search kept). */
const meetingCheckInRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetingCheckIn,
  validateSearch: checkInSearchSchema,
  component: lazyRouteComponent(() => import('../../features/meetings/components/check-in-page'), 'CheckInPage'),
});

// Cell life beyond meetings: local campaigns (Art. 2.6), warnings (Art. 4.4), topics the commune directs (Art. 4.3).
const activitiesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.activities,
  component: lazyRouteComponent(
    () => import('../../features/cell-life/components/activities-page'),
    'ActivitiesPage',
  ),
});
const activityRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.activity,
  component: lazyRouteComponent(
    () => import('../../features/cell-life/components/activity-page'),
    'ActivityPage',
  ),
});
const warningsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.warnings,
  validateSearch: warningsSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/cell-life/components/warnings-page'),
    'WarningsPage',
  ),
});
const topicsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.topics,
  validateSearch: topicsSearchSchema,
  component: lazyRouteComponent(() => import('../../features/cell-life/components/topics-page'), 'TopicsPage'),
});

// The yearly residence evaluation (Art. 3.4, 4.4, 4.5): residence side, workplace side, one form, the member.

export const workRoutes = [
  introductionsRoute,
  introductionsInboxRoute,
  introductionsCellRoute,
  letterRoute,
  myResidenceRoute,
  meetingsRoute,
  meetingsComplianceRoute,
  meetingRoute,
  meetingCheckInRoute,
  activitiesRoute,
  activityRoute,
  warningsRoute,
  topicsRoute,
] as const;
