import { Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterListItem } from '../../../../../shared/contracts/introductions';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { useReceiveLetters } from '../../api/receive-letters';
import { usePlaceLetters } from '../../api/place-letters';
import { CellSelect } from './cell-select';

interface PlaceModalProps {
  communeId: string;
  letters: LetterListItem[];
  onClose: () => void;
  onDone: () => void;
}

/**
 * Accept letters and introduce each member to a residential cell (Art. 4.1). The suggested cell (from the member's
 * residential area) is prefilled; letters left without a cell are only received, to be placed later.
 */
export function PlaceModal({ communeId, onClose, onDone, ...props }: PlaceModalProps) {
  const { t } = useTranslation('introductions');
  // the selection as it was when the dialog opened: the lists behind it refresh while it works
  const [letters] = useState(props.letters);
  const [cells, setCells] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(letters.map((l) => [l.id, l.residenceCellId ?? l.suggestedCellId])),
  );
  const receive = useReceiveLetters();
  const place = usePlaceLetters();
  const pending = receive.isPending || place.isPending;

  const submit = async () => {
    const toReceive = letters.filter((l) => l.status === 'issued').map((l) => l.id);
    const placements = letters
      .filter((l) => cells[l.id])
      .map((l) => ({ letterId: l.id, cellId: cells[l.id] as string }));
    try {
      // placing needs the letter received first (workflow table: place from "received")
      if (toReceive.length > 0) await receive.mutateAsync(toReceive);
      const placed = placements.length > 0 ? await place.mutateAsync(placements) : null;
      notifications.show({
        color: 'green',
        message: t('place.done', {
          placed: placed ? placed.changed + placed.repeated : 0,
          received: letters.length - placements.length,
        }),
      });
      onDone();
    } catch {
      // the error is shown by the mutation cache; the modal stays open to retry
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('place.title', { count: letters.length })} centered size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('place.hint')}
        </Text>
        <ScrollArea.Autosize mah="55vh">
          <Stack gap="sm">
            {letters.map((l) => (
              <Stack key={l.id} gap={4}>
                <Text fw={600} size="sm">
                  {l.memberName}
                </Text>
                <Text size="xs" c="dimmed">
                  {l.residenceAddress} · {l.issuingUnitName}
                </Text>
                <CellSelect
                  aria-label={t('place.cellFor', { name: l.memberName })}
                  communeId={communeId}
                  value={cells[l.id] ?? null}
                  onChange={(id) => setCells((prev) => ({ ...prev, [l.id]: id }))}
                />
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <ModalActions
          submitLabel={t('place.submit')}
          onCancel={onClose}
          onSubmit={() => void submit()}
          loading={pending}
          cancelDisabled={pending}
        />
      </Stack>
    </Modal>
  );
}
