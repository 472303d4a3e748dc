import type { ComponentChildren } from 'preact';
import { QuestionKind, type PostingQuestion } from '../../postings';
import type { EeoQuestionSpec } from '../../eeo';
import { eeoFieldName, fieldIdOf, LINK_FIELDS, questionFieldName, RESUME_FIELD, type ApplyFormValues, type FormError } from '../apply-form';
import { renderPage, type BrandHeader } from './layout';

export interface ApplyView {
  postingTitle: string;
  postingPath: string;
  actionPath: string;
  organizationName: string;
  brand: BrandHeader;
  questions: PostingQuestion[];
  values: ApplyFormValues;
  errors: FormError[];
  token: string;
  /** The organization's current privacy notice: shown above the consent boxes, its version sent back with the form. */
  privacyNotice: { version: number; text: string; url: string | null } | null;
  /** The voluntary EEO questions the organization asks (none: the section is not shown). */
  eeoQuestions: readonly EeoQuestionSpec[];
}

interface FieldProps {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors: FormError[];
  children: (a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren;
}

/** A labelled field with its hint and its error message right next to it. */
function Field(props: FieldProps) {
  const id = fieldIdOf(props.name);
  const error = props.errors.find((e) => e.fieldId === id);
  const described = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required ? ' (required)' : ''}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          <span class="skip">Error: </span>
          {error.message}
        </p>
      ) : null}
      {props.children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
    </div>
  );
}

/** Radio buttons and checkboxes: a fieldset whose first input carries the id the error summary links to. */
function ChoiceGroup(props: { name: string; label: string; required: boolean; type: 'radio' | 'checkbox'; options: [string, string][]; chosen: string[]; errors: FormError[] }) {
  const id = fieldIdOf(props.name);
  const error = props.errors.find((e) => e.fieldId === id);
  return (
    <fieldset class={error ? 'field invalid' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {props.label}
        {props.required ? ' (required)' : ''}
      </legend>
      {error ? (
        <p class="error" id={`${id}-error`}>
          <span class="skip">Error: </span>
          {error.message}
        </p>
      ) : null}
      {props.options.map(([value, text], i) => (
        <label class="choice" key={value}>
          <input type={props.type} id={i === 0 ? id : `${id}-${i}`} name={props.name} value={value} checked={props.chosen.includes(value)} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}

function Question({ question, index, view }: { question: PostingQuestion; index: number; view: ApplyView }) {
  const name = questionFieldName(index);
  const given = view.values.answers[question.id] ?? [];
  const common = { name, label: question.label, required: question.required, errors: view.errors };
  switch (question.kind) {
    case QuestionKind.TEXT:
      return <Field {...common}>{(a) => <input type="text" name={name} value={given[0] ?? ''} maxLength={1000} {...a} />}</Field>;
    case QuestionKind.TEXTAREA:
      return <Field {...common}>{(a) => <textarea name={name} maxLength={10000} {...a}>{given[0] ?? ''}</textarea>}</Field>;
    case QuestionKind.SINGLE_SELECT:
      return <ChoiceGroup {...common} type="radio" options={question.options.map((o) => [o, o])} chosen={given} />;
    case QuestionKind.MULTI_SELECT:
      return <ChoiceGroup {...common} type="checkbox" options={question.options.map((o) => [o, o])} chosen={given} />;
    case QuestionKind.BOOLEAN:
      return <ChoiceGroup {...common} type="radio" options={[['yes', 'Yes'], ['no', 'No']]} chosen={given} />;
    case QuestionKind.FILE:
      return (
        <Field {...common} hint="pdf, doc, docx, rtf or txt, at most 10 MB">
          {(a) => <input type="file" name={name} accept=".pdf,.doc,.docx,.rtf,.txt" {...a} />}
        </Field>
      );
  }
}

export function applyPage(view: ApplyView): string {
  const v = view.values;
  const e = view.errors;
  const filesDropped = view.errors.length > 0;
  return renderPage({
    title: `${e.length ? 'Error: ' : ''}Apply for ${view.postingTitle} – ${view.organizationName}`,
    brand: view.brand,
    noindex: true,
    children: (
      <>
        <p>
          <a href={view.postingPath}>← Back to the job description</a>
        </p>
        <h1>Apply for {view.postingTitle}</h1>
        {e.length ? (
          <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
            <h2 id="error-summary-title">There is a problem with your application</h2>
            <ul>
              {e.map((err) => (
                <li key={err.fieldId}>
                  <a href={`#${err.fieldId}`}>{`${err.label}: ${err.message}`}</a>
                </li>
              ))}
            </ul>
            {filesDropped ? <p>For your security, files are not kept: please choose your resume and other files again.</p> : null}
          </div>
        ) : null}
        <form method="post" action={view.actionPath} enctype="multipart/form-data" noValidate>
          <input type="hidden" name="token" value={view.token} />
          <input type="hidden" name="source" value={v.source} />
          <h2>About you</h2>
          <Field name="name" label="Full name" required errors={e}>
            {(a) => <input type="text" name="name" value={v.name} autoComplete="name" required maxLength={255} {...a} />}
          </Field>
          <Field name="email" label="Email" required errors={e}>
            {(a) => <input type="email" name="email" value={v.email} autoComplete="email" required maxLength={255} {...a} />}
          </Field>
          <Field name="phone" label="Phone" errors={e}>
            {(a) => <input type="tel" name="phone" value={v.phone} autoComplete="tel" maxLength={50} {...a} />}
          </Field>
          <Field name="currentCompany" label="Current company" errors={e}>
            {(a) => <input type="text" name="currentCompany" value={v.currentCompany} autoComplete="organization" maxLength={255} {...a} />}
          </Field>
          <Field name={RESUME_FIELD} label="Resume/CV" hint="pdf, doc, docx, rtf or txt, at most 10 MB" errors={e}>
            {(a) => <input type="file" name={RESUME_FIELD} accept=".pdf,.doc,.docx,.rtf,.txt" {...a} />}
          </Field>
          <h2>Links</h2>
          {LINK_FIELDS.map((link) => (
            <Field key={link.key} name={`link_${link.key}`} label={`${link.label} URL`} errors={e}>
              {(a) => <input type="url" name={`link_${link.key}`} value={v.links[link.key] ?? ''} placeholder="https://" maxLength={2048} {...a} />}
            </Field>
          ))}
          {view.questions.length ? <h2>Questions from {view.organizationName}</h2> : null}
          {view.questions.map((q, i) => (
            <Question key={q.id} question={q} index={i} view={view} />
          ))}
          <h2>Anything else</h2>
          <Field name="comments" label="Additional information" hint="A cover letter or anything you want us to know." errors={e}>
            {(a) => <textarea name="comments" maxLength={10000} {...a}>{v.comments}</textarea>}
          </Field>
          {view.eeoQuestions.length ? (
            <section aria-labelledby="eeo-title">
              <h2 id="eeo-title">Voluntary self-identification (optional)</h2>
              <p>
                {`${view.organizationName} invites applicants to answer these questions for equal employment opportunity reporting. Answering is voluntary: declining or skipping has no effect on your application. Your answers are kept apart from your application, are not seen by the people who review it, and are reported only in aggregate.`}
              </p>
              {view.eeoQuestions.map((spec) => (
                <ChoiceGroup
                  key={spec.key}
                  name={eeoFieldName(spec.key)}
                  label={spec.label}
                  required={false}
                  type="radio"
                  options={spec.options.map((o) => [o.code, o.label])}
                  chosen={v.eeo[spec.key] ? [v.eeo[spec.key]!] : []}
                  errors={e}
                />
              ))}
            </section>
          ) : null}
          <fieldset class="field">
            <legend>Your data</legend>
            {view.privacyNotice ? (
              <div class="privacy-notice">
                <input type="hidden" name="privacy_notice_version" value={String(view.privacyNotice.version)} />
                <p>{view.privacyNotice.text}</p>
                {view.privacyNotice.url ? (
                  <p>
                    <a href={view.privacyNotice.url} rel="noopener noreferrer" target="_blank">{`Privacy notice of ${view.organizationName} (version ${view.privacyNotice.version})`}</a>
                  </p>
                ) : null}
                <p>{`By submitting, you accept this privacy notice (version ${view.privacyNotice.version}).`}</p>
              </div>
            ) : null}
            <label class="choice">
              <input type="checkbox" name="consent_store" value="yes" checked={v.consentStore} />
              {`${view.organizationName} may keep my application to consider me for future openings`}
            </label>
            <label class="choice">
              <input type="checkbox" name="consent_marketing" value="yes" checked={v.consentMarketing} />
              {`Send me news about jobs at ${view.organizationName}`}
            </label>
          </fieldset>
          <button class="button" type="submit">
            Submit application
          </button>
        </form>
      </>
    ),
  });
}
