import { useEffect, useState } from 'react';
import { Skeleton } from '@mantine/core';
import QRCode from 'qrcode';

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * A QR code as an <img> with an SVG data: URL (no hand-inserted markup; the CSP allows img data:).
 * The previous code stays on screen until the next one is drawn, so the screen never flashes empty.
 */
export function QrImage({ value, alt, size }: { value: string; alt: string; size: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    QRCode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
      .then((svg) => {
        if (isCurrent) setSrc(`data:image/svg+xml;base64,${toBase64(svg)}`);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [value]);
  if (!src) return <Skeleton width={size} height={size} />;
  return <img src={src} alt={alt} data-qr-value={value} style={{ width: size, height: size, background: '#fff', display: 'block', imageRendering: 'pixelated' }} />;
}
