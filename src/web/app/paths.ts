/** Every route path of the SPA, defined once. */
export const paths = {
  login: '/login',
  home: '/',
  orgTree: '/org',
  unit: '/org/$unitId',
  members: '/members',
  member: '/members/$memberId',
  import: '/import',
  accounts: '/accounts',
  notifications: '/notifications',
  changePassword: '/account/password',
  /** the second factor and the devices logged in (decision 0013) */
  accountSecurity: '/account/security',
  /** before the app: the forced new password, then enrolling an authenticator */
  accountSetup: '/account/setup',
  forgotPassword: '/forgot-password',
  /** the mailed one-time link points here (?token=…) */
  resetPassword: '/reset-password',
  /** the member's own data: download it, see who read the record (Personal Data Protection Law) */
  myData: '/account/my-data',
  introductions: '/introductions',
  introductionsInbox: '/introductions/inbox',
  introductionsCell: '/introductions/cell',
  letter: '/introductions/letters/$letterId',
  myResidence: '/my-residence',
  meetings: '/meetings',
  meetingsCompliance: '/meetings/compliance',
  meeting: '/meetings/$meetingId',
  /** the QR shown at a meeting points here (self check-in) */
  meetingCheckIn: '/meetings/$meetingId/check-in',
  activities: '/activities',
  activity: '/activities/$activityId',
  warnings: '/warnings',
  topics: '/topics',
  // the yearly residence evaluation (Art. 3.4, 4.4, 4.5)
  evaluations: '/evaluations',
  evaluationsWorkplace: '/evaluations/workplace',
  /** the link notifications of delivered comments carry: the workplace's review */
  evaluationsReview: '/evaluations/review',
  evaluation: '/evaluations/$evaluationId',
  myEvaluation: '/my-evaluation',
  // the picture upward (Art. 5): dashboards, the lists behind their figures, the yearly report
  reports: '/reports',
  reportsList: '/reports/list',
  yearlyReports: '/reports/yearly',
  yearlyReport: '/reports/yearly/$reportId',
  /** public: the QR code printed on a letter points here */
  verify: '/verify/$code',
} as const;

/** Concrete links for the parameterised paths above. */
export const hrefs = {
  unit: (unitId: string) => paths.unit.replace('$unitId', encodeURIComponent(unitId)),
  member: (memberId: string) => paths.member.replace('$memberId', encodeURIComponent(memberId)),
  letter: (letterId: string) => paths.letter.replace('$letterId', encodeURIComponent(letterId)),
  meeting: (meetingId: string) => paths.meeting.replace('$meetingId', encodeURIComponent(meetingId)),
  activity: (activityId: string) => paths.activity.replace('$activityId', encodeURIComponent(activityId)),
  yearlyReport: (reportId: string) => paths.yearlyReport.replace('$reportId', encodeURIComponent(reportId)),
  evaluation: (evaluationId: string) =>
    paths.evaluation.replace('$evaluationId', encodeURIComponent(evaluationId)),
};
