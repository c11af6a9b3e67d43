// clients/codegen.ts: the client preset over the service's schema and the canonical operations (README, "Clients")
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../target/schema.graphqls', // the build writes it; in an app, a copy of it
  documents: ['../schema/operations/*.graphql', 'src/**/*.ts', '!src/gql/**/*'],
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // src/gql/persisted-documents.json ("sha256:<hex>" → document) and each document's id in its __meta__.hash
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        strictScalars: true, // a scalar missing below fails codegen instead of becoming `unknown`
        scalars: {
          DateTime: 'string', // ISO-8601 in UTC with milliseconds, e.g. 2026-11-26T09:30:00.000Z
          EmailAddress: 'string',
          JSON: 'Record<string, unknown>', // the schema's only JSON field, customData, is a JSON object
        },
      },
    },
  },
};
export default config;
