import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';

/**
 * The report's fonts ship with the app (same origin, precached), never from a CDN. Fetched here, not in the report:
 * the report is a pure function of its inputs, fonts included.
 */
export async function loadReportFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const load = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [regular, bold] = await Promise.all([load(regularUrl), load(boldUrl)]);
  return { regular, bold };
}
