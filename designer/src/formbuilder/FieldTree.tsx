import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState, type DragEvent } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { FieldEntry } from './fieldModel';
import { PALETTE_MIME } from './FieldPalette';

const FIELD_MIME = 'application/x-estateflow-field-path';

interface FieldTreeProps {
  fields: FieldEntry[];
  containerPath: string[];
  selected: string[] | null;
  onSelect: (path: string[]) => void;
  onMove: (input: { path: string[]; toIndex: number }) => void;
  onAdd: (input: { containerPath: string[]; kindId: string; index: number }) => void;
  onRemove: (path: string[]) => void;
}

const same = (a: readonly string[] | null, b: readonly string[]) =>
  a !== null && a.length === b.length && a.every((part, index) => part === b[index]);

/** Fields of one container; drag to reorder among siblings, drop palette entries in place. */
export function FieldTree(props: FieldTreeProps) {
  const { t } = useI18n();
  const [over, setOver] = useState<number | null>(null);
  const drop = (event: DragEvent, index: number) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(null);
    const kindId = event.dataTransfer.getData(PALETTE_MIME);
    if (kindId) return props.onAdd({ containerPath: props.containerPath, kindId, index });
    const raw = event.dataTransfer.getData(FIELD_MIME);
    if (!raw) return;
    const path = raw.split('/');
    if (path.slice(0, -1).join('/') !== props.containerPath.join('/')) return;
    const from = props.fields.findIndex((field) => same(field.path, path));
    props.onMove({ path, toIndex: from >= 0 && from < index ? index - 1 : index });
  };
  return (
    <ul className="field-tree" onDragOver={(event) => event.preventDefault()} onDrop={(event) => drop(event, props.fields.length)}>
      {props.fields.map((field, index) => (
        <li
          key={field.key}
          className={['field-row', same(props.selected, field.path) && 'is-selected', over === index && 'is-drop-target']
            .filter(Boolean)
            .join(' ')}
          draggable
          onDragStart={(event) => {
            event.stopPropagation();
            event.dataTransfer.setData(FIELD_MIME, field.path.join('/'));
          }}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(index);
          }}
          onDragLeave={() => setOver(null)}
          onDrop={(event) => drop(event, index)}
        >
          <div
            className="field-row-main"
            role="button"
            tabIndex={0}
            onClick={() => props.onSelect(field.path)}
            onKeyDown={(event) => event.key === 'Enter' && props.onSelect(field.path)}
            data-field-key={field.path.join('.')}
          >
            <HolderOutlined className="drag-handle" />
            <span className="field-title">{field.schema.title || field.key}</span>
            <code>{field.key}</code>
            {field.kind && <Tag>{t(field.kind.label)}</Tag>}
            {field.required && <Tag color="red">{t('common.required')}</Tag>}
            {(field.ui['ui:widget'] === 'phone' || field.ui['ui:widget'] === 'idNumber') && (
              <Tag color="gold" title={t('field.personalHint')}>
                {t('field.personal')}
              </Tag>
            )}
            {field.visibleWhen && <Tag color="blue">{`${field.visibleWhen.field} = ${String(field.visibleWhen.equals)}`}</Tag>}
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={`${t('common.delete')} ${field.key}`}
              onClick={(event) => {
                event.stopPropagation();
                props.onRemove(field.path);
              }}
            />
          </div>
          {field.children && (
            <div className="field-children">
              <FieldTree {...props} fields={field.children} containerPath={field.path} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
