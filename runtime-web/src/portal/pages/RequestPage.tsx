import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Image, Spin, Tag, Timeline } from 'antd';
import type { AllowedEvent, Instance } from '../../api/types';
import { isImageAttachment } from '../../forms/attachment-value';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { instanceAttachments } from '../../shared/instance-attachments';
import { ActionSheet } from '../components/ActionSheet';

/** One request: live progress in plain words, photos, what the owner can do, and the history. */
export default function RequestPage() {
  const { id = '' } = useParams();
  const { t, text } = useI18n();
  const loaded = useApi<Instance>(
    `/instances/${encodeURIComponent(id)}`,
    undefined,
    (event) => event.kind === 'instance.updated' && event.id === id,
  );
  const [applied, setApplied] = useState<Instance | null>(null);
  const [action, setAction] = useState<AllowedEvent | null>(null);
  const instance = applied && loaded.data && applied.version > loaded.data.version ? applied : (loaded.data ?? null);
  if (!instance) return loaded.error ? <Alert type="error" title={errorMessage(loaded.error, t)} /> : <Spin className="ef-page-spin" />;
  const photos = instanceAttachments(instance).filter(isImageAttachment);

  return (
    <div className="ef-stack">
      <div className="ef-progress-card" data-testid="request-progress">
        <div className="ef-muted ef-small">
          {instance.reference} · {text(instance.workflowName)}
        </div>
        <h2>{instance.title}</h2>
        <Tag color={instance.status === 'active' ? 'processing' : 'success'} data-testid="request-state">
          {text(instance.stateLabel) || instance.state}
        </Tag>
        <p className="ef-progress-text">{text(instance.progress)}</p>
        {instance.unit ? <div className="ef-muted">{instance.unit.label}</div> : null}
      </div>
      {instance.allowedEvents.length > 0 ? (
        <section>
          <h3>{t('portal.request.actions')}</h3>
          <div className="ef-stack">
            {instance.allowedEvents.map((allowed, index) => (
              <Button
                key={allowed.type}
                size="large"
                block
                type={index === 0 && !/CANCEL/i.test(allowed.type) ? 'primary' : 'default'}
                danger={/CANCEL/i.test(allowed.type)}
                onClick={() => setAction(allowed)}
                data-testid={`owner-action-${allowed.type}`}
              >
                {text(allowed.label)}
              </Button>
            ))}
          </div>
        </section>
      ) : null}
      {photos.length > 0 ? (
        <Image.PreviewGroup>
          <div className="ef-photo-row">
            {photos.map((photo) => (
              <Image
                key={photo.id}
                src={photo.url}
                alt={photo.fileName}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 8 }}
              />
            ))}
          </div>
        </Image.PreviewGroup>
      ) : null}
      <section>
        <h3>{t('portal.request.history')}</h3>
        <Timeline
          items={[...instance.timeline]
            .sort((a, b) => b.seq - a.seq)
            .map((entry) => ({
              key: entry.seq,
              children: (
                <div>
                  <strong>{text(entry.label) || entry.type}</strong>
                  <div className="ef-muted ef-small">{new Date(entry.at).toLocaleString()}</div>
                  {entry.comment ? <div>{entry.comment}</div> : null}
                </div>
              ),
            }))}
        />
      </section>
      {action ? (
        <ActionSheet
          instance={instance}
          action={action}
          onClose={() => setAction(null)}
          onApplied={(next) => {
            setApplied(next);
            setAction(null);
            loaded.reload();
          }}
          onConflict={loaded.reload}
        />
      ) : null}
    </div>
  );
}
