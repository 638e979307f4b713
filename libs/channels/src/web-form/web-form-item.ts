/** A web-form submission as stored in an InboundBatch (the channel's raw item). */
export interface WebFormItem {
  /** Svara's id for the submission, returned to the citizen's browser. */
  id: string;
  submittedAt: string;
  name: string;
  email: string;
  subject?: string;
  message: string;
}
