/**
 * The demo shop's data: what it sells and who can sign in. A real host has these in its own
 * database; the example keeps them in code so it starts with nothing to set up.
 */

/** A product on the checkout page. */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Whole Rupiah. */
  readonly price: number;
  /** Colour of the product's tile on the checkout page. */
  readonly colour: string;
}

/** A demo user: the host's user object, which the kit only needs an `id` from. */
export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Staff may refund, capture, approve and deny anyone's payment. */
  readonly isStaff: boolean;
}

/** The shop's products. */
export const PRODUCTS: readonly Product[] = [
  {
    id: 'kopi',
    name: 'Kopi Toraja, 250 g',
    description: 'Single-origin beans, medium roast.',
    price: 85_000,
    colour: '#7c4a2d',
  },
  {
    id: 'batik',
    name: 'Batik scarf',
    description: 'Hand-stamped cotton from Pekalongan.',
    price: 249_000,
    colour: '#3538cd',
  },
  {
    id: 'sambal',
    name: 'Sambal trio',
    description: 'Matah, ijo and terasi, three jars.',
    price: 120_000,
    colour: '#d92d20',
  },
];

/** Who can sign in on the demo login page. */
export const USERS: readonly DemoUser[] = [
  { id: 'u-ayu', name: 'Ayu Lestari', email: 'ayu@example.com', isStaff: false },
  { id: 'u-budi', name: 'Budi Santoso', email: 'budi@example.com', isStaff: false },
  { id: 'u-sari', name: 'Sari (staff)', email: 'sari@example.com', isStaff: true },
];

/** The product with this id, if any. */
export function findProduct(id: unknown): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** The user with this id, if any. */
export function findUser(id: unknown): DemoUser | undefined {
  return USERS.find((user) => user.id === id);
}
