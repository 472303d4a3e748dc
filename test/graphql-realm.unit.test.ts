import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { expect, it } from 'vitest';

// Guards the alias in vite.config.ts: if our imports of graphql resolved to its
// .mjs build while type-graphql uses the CommonJS one, instanceof checks (and
// schema building) would silently break.
it('our code and type-graphql share one graphql module', () => {
  expect(new ArgumentValidationError([]) instanceof GraphQLError).toBe(true);
});
