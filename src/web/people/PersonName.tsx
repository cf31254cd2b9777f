import { Badge, Group, Text } from "@mantine/core";
import { PersonAvatar } from "../components/PersonAvatar";

export function PersonName({ name, isMe }: { name: string; isMe: boolean }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <PersonAvatar name={name} />
      <Text size="sm" fw={500} style={{ whiteSpace: "nowrap" }}>
        {name}
      </Text>
      {isMe && (
        <Badge size="xs" variant="outline" color="gray" radius="sm" tt="none" style={{ flexShrink: 0 }}>
          You
        </Badge>
      )}
    </Group>
  );
}
