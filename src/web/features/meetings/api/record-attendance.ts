import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  attendanceBodySchema,
  attendanceResultSchema,
  meetingPaths,
} from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

export type AttendanceInput = z.input<typeof attendanceBodySchema>;

/** The secretary's tick list; after the minutes lock a change is an amendment with a reason. */
export function recordAttendance({ id, ...body }: AttendanceInput & { id: string }) {
  return apiRequest(meetingPaths.attendance(id), { method: 'PUT', body, schema: attendanceResultSchema });
}

export function useRecordAttendance() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: recordAttendance, onSuccess: (m) => updated(m), meta: { silent: true } });
}
