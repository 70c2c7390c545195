import { TextInput, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { AreaSelect } from './area-select';

interface CommuneField {
  label: string;
  onChange: (communeId: string | null) => void;
  /** the name to show before the lookup answers */
  initialLabel?: string | null;
  error?: string;
}

interface ResidenceAddressFieldsProps {
  communeId: string | null;
  /** when the form asks for the commune too (else the address is within `communeId`) */
  commune?: CommuneField;
  areaId: string | null;
  onAreaChange: (areaId: string | null) => void;
  street: string;
  onStreetChange: (street: string) => void;
  /** from `fieldErrors`: every endpoint here names them residenceAreaId and residenceStreet */
  errors: Record<string, string>;
  streetRequired?: boolean;
  size?: MantineSize;
}

/** Where someone lives: the area (it suggests the residential cell) and the street, in a commune. */
export function ResidenceAddressFields(props: ResidenceAddressFieldsProps) {
  const { t } = useTranslation('introductions');
  const { commune } = props;
  return (
    <>
      {commune && (
        <UnitPicker
          label={commune.label}
          type="commune_committee"
          value={props.communeId}
          initialLabel={commune.initialLabel}
          onChange={(id) => {
            commune.onChange(id);
            // areas belong to a commune: the old one's area is no answer for the new one
            props.onAreaChange(null);
          }}
          required
          error={commune.error}
        />
      )}
      <AreaSelect
        communeId={props.communeId}
        value={props.areaId}
        onChange={props.onAreaChange}
        error={props.errors.residenceAreaId}
        size={props.size}
      />
      <TextInput
        label={t('fields.street')}
        required={props.streetRequired}
        size={props.size}
        value={props.street}
        onChange={(e) => props.onStreetChange(e.currentTarget.value)}
        error={props.errors.residenceStreet}
      />
    </>
  );
}
