import { AuditOutlined, BuildOutlined, CommentOutlined, FileTextOutlined, ToolOutlined } from '@ant-design/icons';

/** A familiar picture for the common workflows; anything else gets a form icon. */
export function WorkflowIcon({ workflowKey }: { workflowKey: string }) {
  if (/repair|fix|maint/i.test(workflowKey)) return <ToolOutlined />;
  if (/complain/i.test(workflowKey)) return <CommentOutlined />;
  if (/renovat|decor/i.test(workflowKey)) return <BuildOutlined />;
  if (/move|inspect/i.test(workflowKey)) return <AuditOutlined />;
  return <FileTextOutlined />;
}
