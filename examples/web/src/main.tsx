import { LogtoProvider, UserScope } from '@logto/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { loadConfig } from './config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <LogtoProvider
          config={{
            endpoint: config.logtoEndpoint,
            appId: config.appId,
            // the access token is for the service's API; its organization permissions are read live, not from the token
            resources: [config.apiResource],
            scopes: [UserScope.Email],
          }}
        >
          <App config={config} />
        </LogtoProvider>
      </StrictMode>,
    ),
  (error: unknown) => root.render(<p role="alert">The app could not read its configuration: {String(error)}</p>),
);
