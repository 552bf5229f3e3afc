import { Link } from 'react-router-dom';
import { Tag } from 'antd';
import type { InstanceSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { WorkflowIcon } from '../workflow-icon';

/** One of the owner's requests: what it is, where it stands, in plain words. */
export function RequestCard({ request }: { request: InstanceSummary }) {
  const { text } = useI18n();
  const done = request.status !== 'active';
  // GET /instances renders each request's progress text as its own page does; blank when the state has none.
  const progress = request.progress ? text(request.progress) : '';
  return (
    <Link to={`/requests/${request.id}`} className="ef-request-card" data-testid="request-card">
      <div className="ef-request-icon">
        <WorkflowIcon workflowKey={request.workflowKey} />
      </div>
      <div className="ef-request-body">
        <div className="ef-request-title">
          <span>{request.title || text(request.workflowName)}</span>
          <Tag color={done ? 'success' : 'processing'}>{text(request.stateLabel) || request.state}</Tag>
        </div>
        {progress ? (
          <div className="ef-request-progress" data-testid="request-card-progress">
            {progress}
          </div>
        ) : null}
        <div className="ef-muted ef-small">
          {request.reference} · {new Date(request.updatedAt).toLocaleString()}
        </div>
      </div>
    </Link>
  );
}
