import { type MantineColorScheme, SegmentedControl, useMantineColorScheme } from "@mantine/core";
import { SettingsSection } from "./SettingsSection";

const SCHEMES: { value: MantineColorScheme; label: string }[] = [
  { value: "auto", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** Light, dark, or whatever the system says: kept in this browser, applied at once and on every visit. */
export function AppearanceSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SettingsSection
      title="Appearance"
      description="How Docket looks in this browser. System follows your device's light or dark setting."
    >
      <SegmentedControl
        aria-label="Color scheme"
        value={colorScheme}
        onChange={(value) =>
          setColorScheme(SCHEMES.find((scheme) => scheme.value === value)?.value ?? "auto")
        }
        data={SCHEMES}
        w="fit-content"
      />
    </SettingsSection>
  );
}
