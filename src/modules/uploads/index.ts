/** The uploads module's face: what other modules may import. Everything else in this folder is private to it. */
export * from './entities.api';
export { UploadService, type ReceivedFile } from './upload.service';
export { UploadPurpose } from './upload-purpose';
export { detectContentType, MAX_UPLOAD_BYTES } from './upload-policy';
export { FileTooLargeError } from './upload-inspector';
export { claimLogo, sendLogo } from './logo-files';
export { CLAIM_UPLOADS_CTES, claimUploadsParams, exportedFiles, type ExportedFileRow } from './stored-file.repository';
