import { Card, Image, Space } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import type { Attachment } from '../../api/types';
import { isImageAttachment } from '../../forms/attachment-value';
import { useI18n } from '../../i18n/I18nProvider';

/** Photos with preview, other files as links. */
export function AttachmentsCard({ attachments }: { attachments: Attachment[] }) {
  const { t } = useI18n();
  if (attachments.length === 0) return null;
  const images = attachments.filter(isImageAttachment);
  const files = attachments.filter((item) => !isImageAttachment(item));
  return (
    <Card title={t('instance.attachments')} size="small">
      <Image.PreviewGroup>
        <Space wrap>
          {images.map((image) => (
            <Image
              key={image.id}
              src={image.url}
              alt={image.fileName}
              width={104}
              height={104}
              style={{ objectFit: 'cover', borderRadius: 6 }}
            />
          ))}
        </Space>
      </Image.PreviewGroup>
      {files.map((file) => (
        <div key={file.id}>
          <a href={file.url} target="_blank" rel="noreferrer">
            <FileOutlined /> {file.fileName}
          </a>
        </div>
      ))}
    </Card>
  );
}
