import { Avatar, type MantineSize } from "@mantine/core";
import { initialsOf } from "./initials";
import classes from "./PersonAvatar.module.css";

/**
 * A person's initials on the color their name gives them. The avatar is a picture, hidden from
 * assistive technology and drawn by CSS, so that a button or link it sits in is named by its words
 * alone, as they are seen (WCAG 2.5.3, label in name).
 */
export function PersonAvatar({ name, size = "sm" }: { name: string; size?: MantineSize | number }) {
  return (
    <Avatar name={name} color="initials" size={size} radius="xl" aria-hidden>
      <span className={classes.initials} data-initials={initialsOf(name)} />
    </Avatar>
  );
}
