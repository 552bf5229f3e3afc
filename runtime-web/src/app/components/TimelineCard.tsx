import { Card, Timeline, Typography } from 'antd';
import { api } from '../../api/client';
import type { TimelineEntry } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { maskedNumbersIn } from '../../shared/masked-numbers';
import { RevealNumber } from './RevealNumber';

/** The full text of an entry's comment, with the numbers written in it (audited). */
async function readComment(input: { instanceId: string; seq: number; reason: string }): Promise<string> {
  const result = await api.post<{ value: string }>(`/instances/${input.instanceId}/unmask`, { seq: input.seq, reason: input.reason });
  return result.value;
}

/** The request's history, newest first; a comment with a masked number in it can be read in full. */
export function TimelineCard({ instanceId, entries }: { instanceId: string; entries: TimelineEntry[] }) {
  const { t, text } = useI18n();
  const ordered = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <Card title={t('instance.timeline')} size="small">
      <Timeline
        data-testid="timeline"
        items={ordered.map((entry) => ({
          key: entry.seq,
          children: (
            <div>
              <Typography.Text strong>{text(entry.label) || entry.type}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {entry.actor.name} · {new Date(entry.at).toLocaleString()}
              </Typography.Text>
              {entry.comment ? (
                <div className="ef-timeline-comment">
                  {maskedNumbersIn(entry.comment) === null ? (
                    entry.comment
                  ) : (
                    <RevealNumber
                      testId={`comment-${entry.seq}`}
                      kind="text"
                      masked={entry.comment}
                      read={(reason) => readComment({ instanceId, seq: entry.seq, reason })}
                      forbidden={maskedNumbersIn(entry.comment) === 'idNumber' ? 'reveal.forbiddenIdNumber' : 'reveal.forbiddenPhone'}
                    />
                  )}
                </div>
              ) : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
