/** How long a downloaded file's object URL lives: the browser has started the download by then. */
const REVOKE_AFTER_MS = 10_000;

/** Hands a file to the browser as a download, through a temporary `<a download>` and object URL. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/**
 * The file name of a `Content-Disposition: attachment; filename="..."` header (the RFC 6266
 * `filename*=UTF-8''...` form first), reduced to a safe base name; `fallback` when there is none.
 */
export function filenameFrom(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition);
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(contentDisposition);
  let name: string | undefined;
  try {
    name = extended ? decodeURIComponent(extended[1]!.trim()) : (plain?.[2] ?? plain?.[1])?.trim();
  } catch {
    name = undefined;
  }
  const safe = name?.replace(/[/\\]/g, '_').replace(/^\.+/, '');
  return safe ? safe : fallback;
}
