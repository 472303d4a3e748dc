/** The career pages module's face: the schema.org employment type mapping, which the distribution report checks postings against. */
export { employmentTypeFor } from './job-posting-schema';
