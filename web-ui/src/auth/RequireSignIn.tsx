import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { completeSignIn, currentUser, resetSignInAttempts, signIn } from './auth';
import { useI18n } from '../i18n/i18n';

export function useCurrentUser() {
  return useQuery({ queryKey: ['auth', 'user'], queryFn: currentUser, staleTime: 10_000 });
}

/** Shows the screen to a signed-in user; anyone else goes to the login and comes back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (user.isSuccess && !user.data && !failed) signIn().catch(setFailed);
  }, [user.isSuccess, user.data, failed]);
  if (failed || user.isError) return <SignInFailed onRetry={() => { resetSignInAttempts(); setFailed(null); void user.refetch(); }} />;
  if (!user.data) {
    return (
      <Center h="100vh" role="status">
        <Loader aria-hidden /> <Text ml="sm">{t.signingIn}</Text>
      </Center>
    );
  }
  return <>{children}</>;
}

/** Where the identity provider sends the browser back: trade the code for tokens, then go where the user was going. */
export function AuthCallback() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const done = useRef(false);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    completeSignIn()
      .then((returnTo) => navigate(returnTo, { replace: true }))
      .catch(() => signIn().catch(setFailed));
  }, [navigate]);
  if (failed) return <SignInFailed onRetry={() => { resetSignInAttempts(); window.location.assign('/'); }} />;
  return (
    <Center h="100vh" role="status">
      <Loader aria-hidden /> <Text ml="sm">{t.signingIn}</Text>
    </Center>
  );
}

/** Sign-in did not work (the provider or its settings unreachable, or a loop): say so, and let the user try again. */
function SignInFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Center h="100vh">
      <Stack maw={480}>
        <Alert color="red" title={t.signInFailed} role="alert">{t.signInFailedText}</Alert>
        <Button onClick={onRetry}>{t.tryAgain}</Button>
      </Stack>
    </Center>
  );
}
