import { Button, Typography } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { FIELD_KINDS } from './fieldKinds';

export const PALETTE_MIME = 'application/x-estateflow-field-kind';

/** Common fields and domain widgets: click to append, or drag onto the field list. */
export function FieldPalette(props: { onAdd: (kindId: string) => void }) {
  const { t } = useI18n();
  return (
    <nav className="field-palette" aria-label={t('forms.palette')}>
      <Typography.Text strong>{t('forms.palette')}</Typography.Text>
      {FIELD_KINDS.map((kind) => (
        <Button
          key={kind.id}
          size="small"
          block
          draggable
          data-field-kind={kind.id}
          onDragStart={(event) => event.dataTransfer.setData(PALETTE_MIME, kind.id)}
          onClick={() => props.onAdd(kind.id)}
        >
          {t(kind.label)}
        </Button>
      ))}
    </nav>
  );
}
