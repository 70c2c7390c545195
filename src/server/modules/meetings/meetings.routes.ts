import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import {
  attendanceBodySchema,
  attendanceResultSchema,
  calendarTokenSchema,
  cancelMeetingBodySchema,
  checkInBodySchema,
  complianceQuerySchema,
  complianceSchema,
  contributionBodySchema,
  createMeetingBodySchema,
  jobsRunSchema,
  meetingDetailSchema,
  meetingListQuerySchema,
  meetingListResponseSchema,
  meetingPaths as p,
  memberRecordQuerySchema,
  memberRecordSchema,
  minutesBodySchema,
  myMeetingsSchema,
  rsvpBodySchema,
  updateMeetingBodySchema,
} from '../../../shared/contracts/meetings';
import type { AppContext } from '../../context';
import { BadRequest } from '../../http/errors';
import { registerMessages } from '../../i18n/messages';
import * as attachments from './attachments.service';
import * as attendance from './attendance.service';
import * as calendarFeed from './calendar-feed.service';
import * as compliance from './compliance.service';
import { runMeetingJobsAs } from './meetings.jobs';
import { meetingMessages } from './meetings.messages';
import * as meetings from './meetings.service';
import * as register from './register.service';

registerMessages(meetingMessages);

const tags = ['meetings'];
const errors = {
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};
const attachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export function meetingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps: meetings.MeetingDeps = { db: ctx.db, clock: ctx.clock, publicUrl: ctx.config.publicUrl };

    app.get(
      p.list,
      {
        schema: {
          tags,
          summary: 'Meetings the actor may see (upcoming soonest first, past newest first)',
          querystring: meetingListQuerySchema,
          response: { 200: meetingListResponseSchema },
        },
      },
      async (req) => meetings.listMeetings(deps, req.actor!, req.query),
    );
    app.post(
      p.list,
      {
        schema: {
          tags,
          summary: 'The cell schedules a meeting; every working member placed in the cell is invited',
          body: createMeetingBodySchema,
          response: { 200: meetingDetailSchema, 201: meetingDetailSchema, ...errors },
        },
      },
      async (req, reply) => {
        // the same meeting scheduled again answers the first one (200), inviting nobody twice (issue 12)
        const { meeting, created } = await meetings.createMeeting(deps, req.actor!, req.body);
        return reply.status(created ? 201 : 200).send(meeting);
      },
    );
    app.get(
      p.mine,
      {
        schema: {
          tags,
          summary: 'The member’s own meetings with their answer and attendance',
          response: { 200: myMeetingsSchema, 404: errorResponseSchema },
        },
      },
      async (req) => ({ items: await meetings.myMeetings(deps, req.actor!) }),
    );
    app.get(
      p.compliance,
      {
        schema: {
          tags,
          summary: 'Meetings held per half-year against the rule, per residential cell',
          querystring: complianceQuerySchema,
          response: { 200: complianceSchema, 404: errorResponseSchema },
        },
      },
      async (req) => compliance.cellCompliance(deps, req.actor!, req.query.unitId, req.query.year),
    );
    app.get(
      '/api/meetings/members/:id/record',
      {
        schema: {
          tags,
          summary: 'A member’s attendance record for a year',
          params: idParamSchema,
          querystring: memberRecordQuerySchema,
          response: { 200: memberRecordSchema, 404: errorResponseSchema },
        },
      },
      async (req) => compliance.memberRecord(deps, req.actor!, req.params.id, req.query.year),
    );
    app.get(
      '/api/meetings/:id',
      {
        schema: {
          tags,
          summary: 'One meeting with agenda, attendance, minutes',
          params: idParamSchema,
          response: { 200: meetingDetailSchema, 404: errorResponseSchema },
        },
      },
      async (req) => meetings.getMeeting(deps, req.actor!, req.params.id),
    );
    app.patch(
      '/api/meetings/:id',
      {
        schema: {
          tags,
          summary: 'Change time, place, agenda or topics of a scheduled meeting',
          params: idParamSchema,
          body: updateMeetingBodySchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => meetings.updateMeeting(deps, req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a scheduled meeting with a reason',
          params: idParamSchema,
          body: cancelMeetingBodySchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => meetings.cancelMeeting(deps, req.actor!, req.params.id, req.body.reason),
    );
    app.post(
      '/api/meetings/:id/hold',
      {
        schema: {
          tags,
          summary: 'Record that the meeting took place (unrecorded invitees become absent)',
          params: idParamSchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => meetings.holdMeeting(deps, req.actor!, req.params.id),
    );
    app.post(
      '/api/meetings/:id/rsvp',
      {
        schema: {
          tags,
          summary: 'The member answers: will attend / cannot attend with a reason',
          params: idParamSchema,
          body: rsvpBodySchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => meetings.answerInvitation(deps, req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/check-in',
      {
        schema: {
          tags,
          summary: 'Self check-in with the QR code shown at the meeting (own attendance only)',
          params: idParamSchema,
          body: checkInBodySchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => attendance.checkIn(deps, req.actor!, req.params.id, req.body),
    );
    app.put(
      '/api/meetings/:id/attendance',
      {
        schema: {
          tags,
          summary: 'The secretary’s tick list (after the lock: an amendment with a reason)',
          params: idParamSchema,
          body: attendanceBodySchema,
          response: { 200: attendanceResultSchema, ...errors },
        },
      },
      async (req) => attendance.recordAttendance(deps, req.actor!, req.params.id, req.body),
    );
    app.put(
      '/api/meetings/:id/minutes',
      {
        schema: {
          tags,
          summary: 'Minutes: summary and decisions (after the lock: an amendment with a reason)',
          params: idParamSchema,
          body: minutesBodySchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => meetings.saveMinutes(deps, req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/contributions',
      {
        schema: {
          tags,
          summary: 'An opinion or proposal in the minutes, and who gave it',
          params: idParamSchema,
          body: contributionBodySchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => meetings.addContribution(deps, req.actor!, req.params.id, req.body),
    );
    app.get(
      '/api/meetings/:id/register.pdf',
      {
        schema: {
          tags,
          summary: 'Printable attendance register (invited vs present, with reasons)',
          params: idParamSchema,
          response: { 200: z.any().describe('PDF') },
        },
      },
      async (req, reply) => {
        const pdf = await register.attendanceRegisterPdf(deps, req.actor!, req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="diem-danh.pdf"')
          .send(pdf);
      },
    );

    // ── attachments to the minutes ──
    app.post(
      '/api/meetings/:id/attachments',
      {
        schema: {
          tags,
          summary:
            'Attach a photo or file to the minutes (multipart field `file`; JPEG, PNG, WebP, PDF, DOCX, XLSX; 10 MB)',
          consumes: ['multipart/form-data'],
          params: idParamSchema,
          response: {
            200: meetingDetailSchema,
            400: errorResponseSchema,
            413: errorResponseSchema,
            ...errors,
          },
        },
      },
      async (req) => {
        const file = await req.file();
        if (!file) throw new BadRequest('attachment_missing');
        const bytes = await file.toBuffer();
        return attachments.addAttachment(deps, req.actor!, req.params.id, {
          fileName: file.filename || 'tep',
          bytes,
          truncated: file.file.truncated,
        });
      },
    );
    app.get(
      '/api/meetings/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Download an attachment',
          params: attachmentParamsSchema,
          response: { 200: z.any().describe('the file') },
        },
      },
      async (req, reply) => {
        const f = await attachments.readAttachment(deps, req.actor!, req.params.id, req.params.attachmentId);
        return reply
          .header('content-type', f.mimeType)
          .header(
            'content-disposition',
            `attachment; filename="${encodeURIComponent(f.fileName)}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(f.content);
      },
    );
    app.delete(
      '/api/meetings/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Remove an attachment (before the minutes lock)',
          params: attachmentParamsSchema,
          response: { 200: meetingDetailSchema, ...errors },
        },
      },
      async (req) => attachments.removeAttachment(deps, req.actor!, req.params.id, req.params.attachmentId),
    );

    // ── iCalendar feed: a secret URL per member, usable by any calendar app without a session ──
    app.post(
      p.calendarToken,
      {
        schema: {
          tags,
          summary: 'Create (or replace) the member’s calendar feed URL',
          response: { 200: calendarTokenSchema, 403: errorResponseSchema },
        },
      },
      async (req) => calendarFeed.createCalendarToken(ctx.db, req.actor!, ctx.config.publicUrl),
    );
    app.get(
      '/api/calendar/:file',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Public (secret URL): the member’s meetings as iCalendar',
          params: z.object({ file: z.string().max(80) }),
          response: { 200: z.any().describe('text/calendar') },
        },
      },
      async (req, reply) => {
        const ics = await calendarFeed.memberCalendar(ctx.db, req.params.file, ctx.config.publicUrl);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(ics);
      },
    );

    app.post(
      p.runJobs,
      {
        schema: {
          tags,
          summary: 'Administrators: run reminders and half-year checks now',
          response: { 200: jobsRunSchema, 403: errorResponseSchema },
        },
      },
      async (req) => runMeetingJobsAs(req.actor!, { db: ctx.db, clock: ctx.clock }),
    );
  };
}
