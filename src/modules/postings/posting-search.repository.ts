/**
 * Posting search: web-search syntax (`"exact phrase"`, `-exclude`, `or`) with
 * prefix matching, so "postgres" finds "PostgreSQL" and "typescr" finds
 * "TypeScript". The user's text only ever goes through `websearch_to_tsquery`,
 * which accepts any input; its output (quoted, stemmed lexemes joined by
 * operators) then gets `:*` after every lexeme that is not negated, and is cast
 * back to tsquery without re-parsing words. Raw input never reaches
 * `to_tsquery`, whose syntax errors would be 500s. Negated words stay exact, so
 * "-java" does not also hide JavaScript postings.
 *
 * One `?` parameter: the search text.
 */
// A quoted lexeme in tsquery text ('' is an escaped quote). No `?` anywhere: the ORM reads it as a parameter.
const LEXEME = `'([^']|'')*'`;

export function postingSearchSql(vectorColumn: string): string {
  const q = `websearch_to_tsquery('english', ?)::text`;
  // Regexes scan left to right and consume each quoted lexeme whole, so nothing inside one is matched.
  const everyPrefix = `regexp_replace(${q}, '(${LEXEME.replace(/'/g, "''")})', '\\1:*', 'g')`;
  const negatedExact = `regexp_replace(${everyPrefix}, '(!${LEXEME.replace(/'/g, "''")}):\\*|(${LEXEME.replace(/'/g, "''")}:\\*)', '\\1\\3', 'g')`;
  return `${vectorColumn} @@ ${negatedExact}::tsquery`;
}
