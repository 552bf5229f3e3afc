import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  SafetyCertificateOutlined,
  SmileOutlined,
  SyncOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { ReportFigures } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatAverage } from './format-average';
import { formatShare } from './format-share';
import { belowTarget } from './satisfaction-target';

type FigureProps = {
  testId: string;
  icon: ReactNode;
  title: string;
  value: string | number;
  suffix?: string;
  note?: ReactNode;
  /** A figure that misses its target reads in warning colours. */
  warn?: boolean;
};

/** A size at which "12小时30分" fits a card, two to a row on a phone and seven on a desktop. */
const valueStyle = { fontSize: 22 };

function Figure({ testId, icon, title, value, suffix, note, warn = false }: FigureProps) {
  return (
    <Col flex="1 1 150px">
      <Card size="small" className={warn ? 'ef-figure ef-figure-warn' : 'ef-figure'} data-testid={testId}>
        <Statistic
          title={
            <span>
              {icon} {title}
            </span>
          }
          value={value}
          suffix={suffix}
          styles={{ content: warn ? { ...valueStyle, color: '#d4380d' } : valueStyle }}
        />
        <div className="ef-figure-note">{note ?? '\u00a0'}</div>
      </Card>
    </Col>
  );
}

/** The period's headline figures: volume, speed, deadlines kept and satisfaction against the estates' target. */
export function HeadlineFigures({ totals, satisfactionTarget }: { totals: ReportFigures; satisfactionTarget: number | null }) {
  const { t, locale } = useI18n();
  const missesTarget = belowTarget(totals.averageRating, satisfactionTarget);
  return (
    <Row gutter={[12, 12]}>
      <Figure
        testId="figure-created"
        icon={<FileAddOutlined style={{ color: '#1677ff' }} />}
        title={t('reports.created')}
        value={totals.created}
        note={totals.cancelled > 0 ? t('reports.cancelled', { n: totals.cancelled }) : null}
      />
      <Figure
        testId="figure-completed"
        icon={<CheckCircleOutlined style={{ color: '#52c41a' }} />}
        title={t('reports.completed')}
        value={totals.completed}
        note={totals.created > 0 ? t('reports.completedShare', { share: formatShare(totals.completed / totals.created, locale) }) : null}
      />
      <Figure testId="figure-open" icon={<SyncOutlined style={{ color: '#fa8c16' }} />} title={t('reports.open')} value={totals.open} />
      <Figure
        testId="figure-response"
        icon={<ThunderboltOutlined style={{ color: '#722ed1' }} />}
        title={t('reports.averageResponse')}
        value={formatAverage(totals.averageResponseMinutes, t)}
        note={t('reports.averageResponseHint')}
      />
      <Figure
        testId="figure-completion"
        icon={<FieldTimeOutlined style={{ color: '#13c2c2' }} />}
        title={t('reports.averageCompletion')}
        value={formatAverage(totals.averageCompletionHours === null ? null : totals.averageCompletionHours * 60, t)}
        note={t('reports.averageCompletionHint')}
      />
      <Figure
        testId="figure-on-time"
        icon={<SafetyCertificateOutlined style={{ color: '#2f54eb' }} />}
        title={t('reports.onTimeRate')}
        value={formatShare(totals.onTimeRate, locale)}
        warn={totals.slaBreached > 0}
        note={
          totals.tasksWithSla > 0 ? t('reports.breached', { breached: totals.slaBreached, total: totals.tasksWithSla }) : t('reports.noSla')
        }
      />
      <Figure
        testId="figure-rating"
        icon={<SmileOutlined style={{ color: '#faad14' }} />}
        title={t('reports.rating')}
        value={totals.averageRating === null ? '—' : totals.averageRating.toFixed(1)}
        suffix={totals.averageRating === null ? undefined : '/ 5'}
        warn={missesTarget}
        note={
          totals.rated > 0 ? (
            <>
              {t('reports.ratingDetail', { rated: totals.rated, share: formatShare(totals.satisfiedShare, locale) })}
              {missesTarget ? (
                <Tag color="volcano" variant="filled" style={{ marginInlineStart: 6 }}>
                  {t('reports.belowTarget', { target: (satisfactionTarget ?? 0).toFixed(1) })}
                </Tag>
              ) : null}
            </>
          ) : (
            <Typography.Text type="secondary">{t('reports.noRatings')}</Typography.Text>
          )
        }
      />
    </Row>
  );
}
