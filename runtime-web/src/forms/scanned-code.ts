/**
 * The code a scanned QR label stands for. A checkpoint label holds the staff app's check-in link
 * (`…/app/checkpoint/FIRE-PUMP?estate=…`, so that a phone's own camera opens it); a form field
 * asking for the code takes the code out of it. Anything else is the code itself.
 */
export function scannedCode(text: string): string {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const match = /\/checkpoint\/([^/]+)\/?$/.exec(new URL(trimmed).pathname);
      if (match?.[1] !== undefined) return decodeURIComponent(match[1]).toUpperCase();
    } catch {
      // Not a link after all: the text as it is.
    }
  }
  return trimmed.toUpperCase();
}
