// Outside the Shopify admin (e.g. a direct visit), the merchant names their shop
// here and login() starts Shopify's install/auth flow for it.
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { useState } from "react";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { login } from "../../composition/shopify.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

type LoginErrors = Awaited<ReturnType<typeof login>>;

function errorMessage(errors: LoginErrors | undefined): string | undefined {
  if (errors?.shop === LoginErrorType.MissingShop) return "Please enter your shop domain to log in.";
  if (errors?.shop === LoginErrorType.InvalidShop) return "Please enter a valid shop domain (your-shop.myshopify.com).";
  return undefined;
}

export const loader = async ({ request }: LoaderFunctionArgs) => json({ error: errorMessage(await login(request)) });

export const action = async ({ request }: ActionFunctionArgs) => json({ error: errorMessage(await login(request)) });

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const error = actionData?.error ?? loaderData.error;

  return (
    <AppProvider i18n={polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                Log in
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={error}
              />
              <Button submit variant="primary">
                Log in
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
