import type { ReceivedFile, UploadPurpose } from '../uploads';

/** A file an apply brings along, as the dialect found it in its body. */
export interface IncomingFile {
  /** The dialect's field name, used in every error about this file. */
  field: string;
  purpose: UploadPurpose;
  /** Where the stored upload's id goes: the resume, or the answer to this question. */
  target: { kind: 'resume' } | { kind: 'answer'; questionId: string };
  filename: string | undefined;
  /**
   * Already streamed into the file store while the body was read (the hosted form:
   * memory stays flat whatever the size), or the bytes of a body that arrives whole
   * (the drop-in APIs' JSON, urlencoded and multipart forms).
   */
  content: ReceivedFile | Buffer;
}
