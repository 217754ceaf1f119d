/** The lazily loaded entry of the report: pdf-lib and fontkit arrive only when a user exports. */

export { buildReport } from './build-report';
