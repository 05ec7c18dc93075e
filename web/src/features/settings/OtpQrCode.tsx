import { useEffect, useState } from 'react';
import { Skeleton } from '@mantine/core';
import QRCode from 'qrcode';

/** Base64 of a UTF-8 string (btoa alone accepts only Latin-1). */
function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The otpauth:// URL as a QR code for authenticator apps. Rendered as an <img> with a data: URL rather
 * than injected SVG markup, so no HTML is ever inserted by hand (the CSP allows img data:).
 */
export function OtpQrCode({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
      .then((svg) => {
        if (isCurrent) setSrc(`data:image/svg+xml;base64,${toBase64(svg)}`);
      })
      // The secret stays on the page as text, so a QR that fails to draw costs nothing essential.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [url]);
  if (!src) return <Skeleton width={200} height={200} />;
  return <img src={src} alt={alt} width={200} height={200} style={{ background: '#fff', display: 'block' }} />;
}
