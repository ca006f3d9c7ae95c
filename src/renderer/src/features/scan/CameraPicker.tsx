import { useId } from 'react';

/** Chooses among the computer's cameras. */
export function CameraPicker({
  devices,
  deviceId,
  onChange,
}: {
  devices: readonly MediaDeviceInfo[];
  deviceId: string;
  onChange: (deviceId: string) => void;
}) {
  const pickerId = useId();
  return (
    <>
      <label htmlFor={pickerId}>Camera</label>
      <select id={pickerId} value={deviceId} onChange={(e) => onChange(e.target.value)}>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `Camera ${i + 1}`}
          </option>
        ))}
      </select>
    </>
  );
}
