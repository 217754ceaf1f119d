/** The lazily loaded entry of the report: pdf-lib, fontkit and the fonts arrive only when a user exports. */

export { loadReportFonts } from './browser-fonts';
export { buildReport } from './build-report';
