/**
 * The assessment attached as JSON inside every PDF report, so a report can be imported back: the report writes it
 * (src/report/assessment-file.ts), the backup import reads it. Both layers import it from here.
 */
export const ATTACHMENT_NAME = 'assessment.json';
export const ASSESSMENT_FILE_FORMAT = 'conformo.assessment';
/** Raise with any change to the file, and keep reading every earlier version. */
export const ASSESSMENT_FILE_FORMAT_VERSION = 1;
