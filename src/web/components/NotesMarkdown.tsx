import { Anchor, Code, List, Text, Title, Typography } from "@mantine/core";
import Markdown, { type Components } from "react-markdown";

/**
 * Notes as Markdown, safely: raw HTML in them is shown as text, never run or rendered, and links
 * keep only safe protocols (react-markdown drops `javascript:` and the like). Links open in a new
 * tab without handing it this page.
 */
const components: Components = {
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </Anchor>
  ),
  p: ({ children }) => (
    <Text size="sm" mb="xs" style={{ overflowWrap: "anywhere" }}>
      {children}
    </Text>
  ),
  h1: ({ children }) => <Title order={4}>{children}</Title>,
  h2: ({ children }) => <Title order={5}>{children}</Title>,
  h3: ({ children }) => <Title order={6}>{children}</Title>,
  ul: ({ children }) => (
    <List size="sm" mb="xs">
      {children}
    </List>
  ),
  ol: ({ children }) => (
    <List type="ordered" size="sm" mb="xs">
      {children}
    </List>
  ),
  li: ({ children }) => <List.Item>{children}</List.Item>,
  code: ({ children }) => <Code>{children}</Code>,
  // Images in notes could call out to any address when the note is opened: show their text instead.
  img: ({ alt, src }) => <Text span size="sm" c="dimmed">{`[image: ${alt || src || ""}]`}</Text>,
};

export function NotesMarkdown({ children }: { children: string }) {
  return (
    <Typography fz="sm" data-testid="notes">
      <Markdown components={components} skipHtml={false}>
        {children}
      </Markdown>
    </Typography>
  );
}
