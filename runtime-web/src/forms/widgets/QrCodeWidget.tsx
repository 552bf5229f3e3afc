import { useEffect, useRef, useState } from 'react';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import type { WidgetProps } from '@rjsf/utils';
import { readFormContext } from '../form-context';
import { scannedCode } from '../scanned-code';

/** How often a camera frame is read for a code, in ms: often enough to feel instant, rarely enough for an old phone. */
const SCAN_EVERY_MS = 150;

/**
 * A code read from a printed QR label (an inspection checkpoint's): the phone's camera scans it —
 * the code, or the check-in link the label holds (scannedCode) — or it is typed. The camera picture is read in the page (jsQR, loaded only when scanning starts);
 * nothing leaves the phone but the code.
 */
export function QrCodeWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, registry, rawErrors, placeholder } = props;
  const { t } = readFormContext(registry.formContext);
  const [scanning, setScanning] = useState(false);
  const text = typeof value === 'string' ? value : '';
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          value={text}
          placeholder={placeholder || t('form.qrPlaceholder')}
          disabled={disabled}
          readOnly={readonly}
          status={rawErrors?.length ? 'error' : undefined}
          autoCapitalize="characters"
          onFocus={() => onFocus(id, text)}
          onBlur={() => onBlur(id, text)}
          onChange={(event) => onChange(event.target.value.trim().toUpperCase() || undefined)}
        />
        <Button icon={<ScanOutlined />} disabled={disabled || readonly} onClick={() => setScanning(true)} data-testid={`${id}-scan`}>
          {t('form.qrScan')}
        </Button>
      </Space.Compact>
      {scanning ? (
        <QrScanner
          t={t}
          onCode={(code) => {
            onChange(code);
            setScanning(false);
          }}
          onClose={() => setScanning(false)}
        />
      ) : null}
    </>
  );
}

function QrScanner(props: { t: ReturnType<typeof readFormContext>['t']; onCode: (code: string) => void; onClose: () => void }) {
  const { t } = props;
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The camera opens once per scan: the parent's callbacks are read when used, not as reasons to start again.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera');
        const [{ default: jsQR }, camera] = await Promise.all([
          import('jsqr'),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = camera;
        if (stopped || video.current === null) return;
        video.current.srcObject = camera;
        // A play() cut short (a busy phone) leaves the stream attached and its frames readable: scanning goes on.
        await video.current.play().catch(() => undefined);
        timer = setInterval(() => {
          const frame = video.current;
          if (frame === null || frame.videoWidth === 0) return;
          canvas.width = frame.videoWidth;
          canvas.height = frame.videoHeight;
          const context = canvas.getContext('2d', { willReadFrequently: true });
          if (context === null) return;
          context.drawImage(frame, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (found !== null && found.data.trim() !== '') {
            stopped = true;
            clearInterval(timer);
            latest.current.onCode(scannedCode(found.data));
          }
        }, SCAN_EVERY_MS);
      } catch {
        if (!stopped) setProblem(latest.current.t('form.qrNoCamera'));
      }
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <Modal open title={t('form.qrScanTitle')} footer={null} onCancel={props.onClose} destroyOnHidden>
      {problem === null ? (
        <>
          <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} data-testid="qr-video" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('form.qrHint')}
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph type="danger" data-testid="qr-problem">
          {problem}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
