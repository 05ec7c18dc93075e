import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import { MantineProvider, Container, Title } from '@mantine/core';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <Container component="main">
        <Title>Школа мэров</Title>
      </Container>
    </MantineProvider>
  </StrictMode>,
);
