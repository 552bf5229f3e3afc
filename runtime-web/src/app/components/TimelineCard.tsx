import { Card, Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

export function TimelineCard({ entries }: { entries: TimelineEntry[] }) {
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
              {entry.comment ? <div className="ef-timeline-comment">{entry.comment}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
