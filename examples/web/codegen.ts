// examples/web/codegen.ts: typed documents from the service's schema, the canonical operations and the app's own
// documents (graphql(`…`) in src/), written to src/gql/ (committed, so the app builds without the service's build)
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

const config: CodegenConfig = {
  schema: '../../target/schema.graphqls', // `mvn -B process-test-classes` writes it; in your app, a copy of it
  documents: ['../../schema/operations/*.graphql', 'src/**/*.{ts,tsx}', '!src/gql/**/*'],
  generates: {
    './src/gql/': {
      preset: 'client',
      // __typename in every selection, as Apollo's cache adds it: the manifest's texts are then what Apollo sends
      documentTransforms: [addTypenameSelectionDocumentTransform],
      presetConfig: {
        // src/gql/persisted-documents.json ("sha256:<hex>" → text): the trusted-documents manifest of exactly these
        // documents, and each document's id in its __meta__.hash, which the app sends (src/apollo.ts)
        persistedDocuments: { hashAlgorithm: 'sha256' },
        fragmentMasking: false,
      },
      config: {
        strictScalars: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          EmailAddress: 'string',
          JSON: 'Record<string, unknown>',
        },
      },
    },
  },
};
export default config;
