-- Organizations an administrator flagged as hubs of the network: like a body
-- with very many members or alumni, introducing nobody by itself.
ALTER TABLE organizations ADD COLUMN network_hub INTEGER NOT NULL DEFAULT 0 CHECK (network_hub IN (0, 1));
CREATE INDEX organizations_network_hub ON organizations (id) WHERE network_hub = 1;
