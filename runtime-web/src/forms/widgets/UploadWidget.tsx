import { useRef, useState } from 'react';
import { Button, Image, Space } from 'antd';
import { CameraOutlined, DeleteOutlined, FileOutlined, LoadingOutlined } from '@ant-design/icons';
import type { WidgetProps } from '@rjsf/utils';
import { uploadAttachment } from '../../api/upload-attachment';
import type { Attachment } from '../../api/types';
import { attachmentShape, isImageAttachment, readAttachments, writeAttachments } from '../attachment-value';
import { compressImage } from '../compress-image';
import { checkFile, defaultFileRules } from '../file-rules';
import { optionBoolean, optionNumber, optionString, readFormContext } from '../form-context';

/**
 * Photos and files: type and size are checked before upload, photos are shrunk with a canvas,
 * each file goes to POST /api/attachments (retried) and the field stores what came back.
 */
export function UploadWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, schema, options, registry } = props;
  const context = readFormContext(registry.formContext);
  const { t } = context;
  const shape = attachmentShape(schema);
  const accept = optionString(options, 'accept', props.photo === true ? 'image/*' : defaultFileRules.accept);
  const rules = {
    accept,
    maxSizeMB: optionNumber(options, 'maxSizeMB', defaultFileRules.maxSizeMB),
    maxFiles: shape.multiple ? optionNumber(options, 'maxFiles', defaultFileRules.maxFiles) : 1,
  };
  const capture = optionBoolean(options, 'capture', accept.startsWith('image/'));
  // Fields that store ids forget file names and types; remember what this widget uploaded.
  const [uploaded, setUploaded] = useState<Record<string, Attachment>>({});
  const current = readAttachments(value).map((item) => uploaded[item.id] ?? item);
  const photosOnly = accept.startsWith('image/');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  /** Uploads one at a time; the add button is disabled meanwhile, so `current` cannot go stale. */
  async function addFiles(files: File[]) {
    const found: string[] = [];
    const room = rules.maxFiles - current.length;
    if (files.length > room) found.push(t('form.tooManyFiles', { max: rules.maxFiles }));
    const accepted = files.slice(0, Math.max(0, room)).filter((file) => {
      const problem = checkFile(file, rules);
      if (problem?.kind === 'tooLarge') found.push(t('form.fileTooLarge', { name: file.name, max: rules.maxSizeMB }));
      if (problem?.kind === 'typeNotAllowed') found.push(t('form.fileTypeNotAllowed', { name: file.name }));
      return problem === null;
    });
    setProblems(found);
    if (accepted.length === 0) return;
    setBusy(true);
    let list = current;
    for (const file of accepted) {
      try {
        const { blob, fileName } = await compressImage(file);
        const attachment = await uploadAttachment({ file: blob, fileName, estateId: context.estateId, instanceId: context.instanceId });
        setUploaded((known) => ({ ...known, [attachment.id]: attachment }));
        list = shape.multiple ? [...list, attachment] : [attachment];
        onChange(writeAttachments(list, shape));
      } catch {
        setProblems((previous) => [...previous, t('form.uploadFailed', { name: file.name })]);
      }
    }
    setBusy(false);
  }

  function remove(attachmentId: string) {
    onChange(
      writeAttachments(
        current.filter((item) => item.id !== attachmentId),
        shape,
      ),
    );
  }

  const locked = disabled || readonly || context.offline === true;
  return (
    <div className="ef-upload" id={id}>
      <Space wrap size={8}>
        {current.map((attachment) => (
          <div key={attachment.id} className="ef-upload-item">
            {photosOnly || isImageAttachment(attachment) ? (
              <Image src={attachment.url} alt={attachment.fileName} width={88} height={88} style={{ objectFit: 'cover' }} />
            ) : (
              <a href={attachment.url} target="_blank" rel="noreferrer" className="ef-upload-file">
                <FileOutlined /> {attachment.fileName}
              </a>
            )}
            {!locked ? (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('form.remove')}
                onClick={() => remove(attachment.id)}
              />
            ) : null}
          </div>
        ))}
        {!locked && current.length < rules.maxFiles ? (
          <Button className="ef-upload-add" icon={busy ? <LoadingOutlined /> : <CameraOutlined />} onClick={() => input.current?.click()}>
            {busy ? t('form.uploading') : accept.startsWith('image/') ? t('form.takePhoto') : t('form.upload')}
          </Button>
        ) : null}
      </Space>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        multiple={shape.multiple}
        {...(capture ? { capture: 'environment' } : {})}
        data-testid={`${id}-file`}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          void addFiles(files);
        }}
      />
      {problems.map((problem) => (
        <div key={problem} className="ef-field-hint-error">
          {problem}
        </div>
      ))}
    </div>
  );
}

/** The same widget with photos as the default (`ui:widget: "photos"`). */
export function PhotoWidget(props: WidgetProps) {
  return <UploadWidget {...props} photo />;
}
