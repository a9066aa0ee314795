// Saving a file the extension made (the .xlsx workbook, the findings report) from the page the
// panel is on. A detached <a download>: its click reaches no listener of the page's or of our
// shadow root's, and needs no `downloads` permission.
export function downloadFile(doc: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has read the blob by the time the download starts; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
