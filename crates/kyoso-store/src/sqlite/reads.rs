//! Reads of many rows on a SQLite file through a connection of their own.

use uuid::Uuid;

use crate::StoreError;
use crate::matching::{
    MATCHING_PEOPLE, MATCHING_PLACES, MatchingPerson, MatchingPersonRow, assemble_matching_people,
};
use crate::network::{Assembly, NetworkSnapshot, RECORDS_SQL, TIES_SQL};

pub(crate) fn read_sqlite(conn: &rusqlite::Connection) -> Result<NetworkSnapshot, StoreError> {
    let mut assembly = Assembly::default();
    // One read transaction, so that the records and ties agree.
    conn.execute_batch("BEGIN")?;
    let result = (|| {
        for (kind, sql) in RECORDS_SQL {
            let mut statement = conn.prepare(sql[0])?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let uid: [u8; 16] = row.get(1)?;
                assembly.record(
                    kind,
                    (
                        row.get(0)?,
                        Uuid::from_bytes(uid),
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                        [row.get(7)?, row.get(8)?, row.get(9)?],
                    ),
                )?;
            }
        }
        let mut statement = conn.prepare(TIES_SQL)?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            assembly.tie((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
                row.get(7)?,
                row.get(8)?,
            ))?;
        }
        Ok::<_, StoreError>(())
    })();
    conn.execute_batch("COMMIT")?;
    result.map(|()| assembly.finish())
}

pub(crate) fn read_matching_people_sqlite(
    conn: &rusqlite::Connection,
) -> Result<Vec<MatchingPerson>, StoreError> {
    // One read transaction, so that the people and their places agree.
    conn.execute_batch("BEGIN")?;
    let result = (|| -> Result<_, StoreError> {
        let mut statement = conn.prepare(&format!("{MATCHING_PEOPLE} ORDER BY p.id"))?;
        let mut rows = Vec::new();
        let mut cursor = statement.query([])?;
        while let Some(row) = cursor.next()? {
            let uid: [u8; 16] = row.get(1)?;
            rows.push(MatchingPersonRow {
                id: row.get(0)?,
                uid: Uuid::from_bytes(uid),
                residence: row.get(2)?,
                nationality: row.get(3)?,
                languages: row.get(4)?,
                skills: row.get(5)?,
                sectors: row.get(6)?,
                available_mentoring: row.get(7)?,
                available_dispatch: row.get(8)?,
                name_native: row.get(9)?,
                name_latin: row.get(10)?,
                name_japanese: row.get(11)?,
                visibility: row.get(12)?,
                owner_uid: row.get::<_, Option<[u8; 16]>>(13)?.map(Uuid::from_bytes),
                bio: row.get(14)?,
                available_from: row.get(15)?,
                experience_countries: row.get(16)?,
                available_training: row.get(17)?,
            });
        }
        let mut statement =
            conn.prepare(&format!("{MATCHING_PLACES} ORDER BY t.from_person_id"))?;
        let places = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<Vec<(i64, String)>, _>>()?;
        Ok((rows, places))
    })();
    conn.execute_batch("COMMIT")?;
    let (rows, places) = result?;
    assemble_matching_people(rows, places)
}
