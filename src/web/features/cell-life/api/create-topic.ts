import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  cellLifePaths,
  directedTopicBodySchema,
  directedTopicSchema,
} from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useCellLifeChanged } from './keys';

export type CreateTopicInput = z.input<typeof directedTopicBodySchema>;

/** Art. 4.3: the commune directs a topic to all its cells; their secretaries are told. */
export function createTopic(body: CreateTopicInput) {
  return apiRequest(cellLifePaths.topics, { method: 'POST', body, schema: directedTopicSchema });
}

export function useCreateTopic() {
  const changed = useCellLifeChanged();
  return useMutation({ mutationFn: createTopic, onSuccess: () => changed(), meta: { silent: true } });
}
