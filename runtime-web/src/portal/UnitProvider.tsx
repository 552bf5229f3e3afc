import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { OwnerUnit, PersonMe } from '../api/types';

type UnitValue = { units: OwnerUnit[]; unit: OwnerUnit | null; setUnitId: (id: string) => void; me: PersonMe };
const UnitContext = createContext<UnitValue | null>(null);
const storageKey = 'ef.portal.unit';

function storedUnit(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** The owner's current unit (switchable, remembered); new requests are filed for it. */
export function UnitProvider({ me, children }: { me: PersonMe; children: ReactNode }) {
  const [chosen, setChosen] = useState<string | null>(storedUnit);
  const value = useMemo<UnitValue>(
    () => ({
      me,
      units: me.units,
      unit: me.units.find((item) => item.id === chosen) ?? me.units[0] ?? null,
      setUnitId: (id) => {
        setChosen(id);
        try {
          localStorage.setItem(storageKey, id);
        } catch {
          // kept for this visit only
        }
      },
    }),
    [me, chosen],
  );
  return <UnitContext.Provider value={value}>{children}</UnitContext.Provider>;
}

export function useUnit(): UnitValue {
  const value = useContext(UnitContext);
  if (!value) throw new Error('useUnit outside UnitProvider');
  return value;
}
