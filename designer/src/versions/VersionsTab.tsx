import { Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { designerApi } from '../api/designerApi';
import type { DefinitionDetail } from '../api/types';
import type { Definition } from '../definition/types';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { versionChanges } from './versionChanges';
import { ReadOnlyCanvas } from './ReadOnlyCanvas';

type VersionChoice = number | 'draft';

/** Published versions with their notes, and two of them (or the draft) side by side with the changes marked. */
export function VersionsTab(props: { detail: DefinitionDetail; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { state } = useEditor();
  const versions = props.detail.versions;
  const [from, setFrom] = useState<VersionChoice>(versions.at(-1)?.version ?? 'draft');
  const [to, setTo] = useState<VersionChoice>('draft');
  const [loaded, setLoaded] = useState<Map<number, Definition>>(new Map());
  useEffect(() => {
    for (const choice of [from, to]) {
      if (choice === 'draft' || loaded.has(choice)) continue;
      void designerApi
        .getVersion({ id: props.detail.id, version: choice })
        .then((version) => setLoaded((current) => new Map(current).set(choice, version.definition)));
    }
  }, [from, to, loaded, props.detail.id]);
  const pick = (choice: VersionChoice) => (choice === 'draft' ? state.definition : loaded.get(choice));
  const left = pick(from);
  const right = pick(to);
  const comparison = useMemo(() => (left && right ? versionChanges(left, right) : null), [left, right]);
  const options = [
    { value: 'draft', label: t('versions.draft') },
    ...versions.map((version) => ({ value: String(version.version), label: `v${version.version}` })),
  ];
  const parse = (value: string): VersionChoice => (value === 'draft' ? 'draft' : Number(value));
  return (
    <div className="versions-tab">
      <aside className="versions-history">
        <Typography.Title level={5}>{t('versions.history')}</Typography.Title>
        {versions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.none')} />
        ) : (
          <List
            size="small"
            dataSource={[...versions].reverse()}
            renderItem={(version) => (
              <List.Item>
                <List.Item.Meta
                  title={`v${version.version} · ${new Date(version.publishedAt).toLocaleString(locale)}`}
                  description={version.changeNote}
                />
              </List.Item>
            )}
          />
        )}
      </aside>
      <section className="versions-diff">
        <Space wrap>
          <Typography.Text>{t('versions.from')}</Typography.Text>
          <Select
            aria-label={t('versions.from')}
            style={{ width: 140 }}
            value={String(from)}
            options={options}
            onChange={(value: string) => setFrom(parse(value))}
          />
          <Typography.Text>{t('versions.to')}</Typography.Text>
          <Select
            aria-label={t('versions.to')}
            style={{ width: 140 }}
            value={String(to)}
            options={options}
            onChange={(value: string) => setTo(parse(value))}
          />
          {comparison && comparison.elements.size + comparison.forms.size + comparison.other.length === 0 && (
            <Tag>{t('versions.noChanges')}</Tag>
          )}
          {comparison &&
            [...comparison.forms].map(([name, kind]) => (
              <Tag
                key={name}
                color={kind === 'added' ? 'green' : kind === 'removed' ? 'red' : 'gold'}
              >{`${t('editor.tab.forms')}: ${name}`}</Tag>
            ))}
          {comparison?.other.map((key) => (
            <Tag key={key} color="gold">
              {key}
            </Tag>
          ))}
        </Space>
        <div className="diff-panes">
          <div className="diff-pane">
            {left && comparison ? (
              <ReadOnlyCanvas definition={left} changes={new Map([...comparison.elements].filter(([, kind]) => kind !== 'added'))} />
            ) : null}
          </div>
          <div className="diff-pane">
            {right && comparison ? (
              <ReadOnlyCanvas definition={right} changes={new Map([...comparison.elements].filter(([, kind]) => kind !== 'removed'))} />
            ) : null}
          </div>
        </div>
      </section>
    </div>
  );
}
