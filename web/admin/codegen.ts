import type { CodegenConfig } from '@graphql-codegen/cli';

// Operations are typed from the committed SDL; `npm run console:check` fails when src/gql drifts.
const config: CodegenConfig = {
  schema: '../../schema/admin.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
