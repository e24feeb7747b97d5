import { canShipOrder, checkShipmentLines, deliveredTotals, deliveryLines, lineShipping, shipmentAllows, shipmentDefaults, type ShipmentQuantities } from './shipment-rules';

const order = [
  { lineNo: 1, quantity: 100 },
  { lineNo: 2, quantity: 40 },
];
const shipment = (status: ShipmentQuantities['status'], lines: { lineNo: number; quantity: number }[], deliveredLines: ShipmentQuantities['deliveredLines'] = null): ShipmentQuantities => ({ status, lines, deliveredLines });

describe('shipment rules', () => {
  it('R5.5 R2.3 transport mode and packaging default from the order\'s special requirements', () => {
    expect(shipmentDefaults({ transportMode: 'sea freight', packaging: 'export crate' }, {})).toEqual({
      transportMode: 'sea freight',
      packaging: 'export crate',
      fromSpecialRequirements: { transportMode: true, packaging: true },
    });
  });

  it('R5.5 R2.3 what the request gives wins over the special requirements; blank counts as not given', () => {
    expect(shipmentDefaults({ transportMode: 'sea freight', packaging: 'export crate' }, { transportMode: 'air freight', packaging: '  ' })).toEqual({
      transportMode: 'air freight',
      packaging: 'export crate',
      fromSpecialRequirements: { transportMode: false, packaging: true },
    });
  });

  it('R5.5 R2.3 neither given nor asked for: null, for the caller to refuse naming the field', () => {
    expect(shipmentDefaults({ transportMode: null, packaging: null }, {})).toMatchObject({ transportMode: null, packaging: null });
    expect(shipmentDefaults(null, { packaging: 'pallet' })).toMatchObject({ transportMode: null, packaging: 'pallet' });
  });

  it('R5.5 remaining to ship is ordered minus planned, dispatched and delivered; cancelled shipments hold nothing', () => {
    const shipments = [
      shipment('PLANNED', [{ lineNo: 1, quantity: 10 }]),
      shipment('DISPATCHED', [{ lineNo: 1, quantity: 20 }, { lineNo: 2, quantity: 5 }]),
      shipment('DELIVERED', [{ lineNo: 1, quantity: 30 }], [{ lineNo: 1, quantity: 30 }]),
      shipment('CANCELLED', [{ lineNo: 1, quantity: 40 }]),
    ];
    expect(lineShipping(order, shipments)).toEqual([
      { lineNo: 1, ordered: 100, planned: 10, dispatched: 20, delivered: 30, remaining: 40 },
      { lineNo: 2, ordered: 40, planned: 0, dispatched: 5, delivered: 0, remaining: 35 },
    ]);
  });

  it('R5.5 a delivered shipment holds what its proof of delivery confirmed: a shortfall may be shipped again', () => {
    const shipments = [shipment('DELIVERED', [{ lineNo: 1, quantity: 100 }], [{ lineNo: 1, quantity: 96 }])];
    expect(lineShipping(order, shipments)[0]).toMatchObject({ delivered: 96, remaining: 4 });
  });

  it('R5.5 a shipment line above what remains to ship is refused naming its quantity; exactly what remains is fine', () => {
    const shipments = [shipment('DISPATCHED', [{ lineNo: 1, quantity: 60 }])];
    expect(checkShipmentLines(order, shipments, [{ lineNo: 1, quantity: 40 }])).toEqual({ unknown: [], excess: [] });
    expect(checkShipmentLines(order, shipments, [{ lineNo: 2, quantity: 1 }, { lineNo: 1, quantity: 41 }]).excess).toEqual([
      { field: 'lines[1].quantity', message: '41 is above what remains to ship of line 1 (40 of 100)' },
    ]);
  });

  it('R5.5 an unknown or repeated line is refused naming its lineNo', () => {
    expect(checkShipmentLines(order, [], [{ lineNo: 3, quantity: 1 }, { lineNo: 1, quantity: 1 }, { lineNo: 1, quantity: 1 }]).unknown).toEqual([
      { field: 'lines[0].lineNo', message: 'the order has no line 3' },
      { field: 'lines[2].lineNo', message: 'line 1 is given twice' },
    ]);
  });

  it('R5.5 a proof of delivery defaults to the shipment\'s lines and cannot exceed them', () => {
    const carried = [{ lineNo: 1, quantity: 50 }, { lineNo: 2, quantity: 10 }];
    expect(deliveryLines(carried, undefined)).toEqual({ lines: carried, refused: [] });
    expect(deliveryLines(carried, [{ lineNo: 1, quantity: 48 }])).toEqual({ lines: [{ lineNo: 1, quantity: 48 }], refused: [] });
    expect(deliveryLines(carried, [{ lineNo: 1, quantity: 51 }, { lineNo: 3, quantity: 1 }]).refused).toEqual([
      { field: 'lines[0].quantity', message: '51 is more than the shipment carried of line 1 (50)' },
      { field: 'lines[1].lineNo', message: 'the shipment carries no line 3' },
    ]);
  });

  it('R5.5 partial deliveries add up per order line', () => {
    const shipments = [
      shipment('DELIVERED', [{ lineNo: 1, quantity: 60 }], [{ lineNo: 1, quantity: 60 }]),
      shipment('DELIVERED', [{ lineNo: 1, quantity: 40 }, { lineNo: 2, quantity: 40 }], [{ lineNo: 1, quantity: 40 }, { lineNo: 2, quantity: 40 }]),
      shipment('DISPATCHED', [{ lineNo: 2, quantity: 1 }]),
    ];
    expect(deliveredTotals(order, shipments)).toEqual([
      { lineNo: 1, quantity: 100 },
      { lineNo: 2, quantity: 40 },
    ]);
  });

  it('R5.5 R1.1 only a READY_TO_SHIP or already SHIPPED order is shipped; a shipment moves PLANNED -> DISPATCHED -> DELIVERED', () => {
    expect(['READY_TO_SHIP', 'SHIPPED'].every((s) => canShipOrder(s as never))).toBe(true);
    expect(['IN_EXECUTION', 'DELIVERED', 'CANCELLED'].some((s) => canShipOrder(s as never))).toBe(false);
    expect(canShipOrder(null)).toBe(false);
    expect(shipmentAllows('PLANNED', 'dispatch')).toBe(true);
    expect(shipmentAllows('PLANNED', 'deliver')).toBe(false);
    expect(shipmentAllows('DISPATCHED', 'deliver')).toBe(true);
    expect(shipmentAllows('DISPATCHED', 'change')).toBe(false);
    expect(shipmentAllows('DELIVERED', 'deliver')).toBe(false);
  });
});
