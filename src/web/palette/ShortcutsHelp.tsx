import { Kbd, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { Fragment, useId } from "react";
import { SHORTCUT_GROUPS, type Shortcut } from "./shortcuts";

/** How one shortcut is pressed: keys together joined by "+", one after the other by "then", ways by "or". */
function Keys({ shortcut }: { shortcut: Shortcut }) {
  return (
    <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
      {shortcut.keys.map((way, wayIndex) => (
        <Fragment key={way.join("+")}>
          {wayIndex > 0 && (
            <Text component="span" c="dimmed" size="sm">
              {" or "}
            </Text>
          )}
          {way.map((key, keyIndex) => (
            <Fragment key={key}>
              {keyIndex > 0 && (
                <Text component="span" c="dimmed" size="sm">
                  {shortcut.sequence ? " then " : " + "}
                </Text>
              )}
              <Kbd size="sm">{key}</Kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Text>
  );
}

/** The overlay `?` opens: every keyboard shortcut, in tables by where it works. */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const id = useId();
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          Shortcuts work anywhere but in a field you are typing in.
        </Text>
        {SHORTCUT_GROUPS.map((group, index) => (
          <section key={group.title} aria-labelledby={`${id}-${index}`}>
            <Title order={3} fz="sm" mb="xs" id={`${id}-${index}`}>
              {group.title}
            </Title>
            <Table aria-labelledby={`${id}-${index}`} verticalSpacing={6} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="40%">Keys</Table.Th>
                  <Table.Th>What they do</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.shortcuts.map((shortcut) => (
                  <Table.Tr key={shortcut.does}>
                    <Table.Td>
                      <Keys shortcut={shortcut} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{shortcut.does}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
      </Stack>
    </Modal>
  );
}
