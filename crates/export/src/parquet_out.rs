//! Parquet export (feature `parquet`): the flat columns ([`crate::FLAT_COLUMNS`]) plus the
//! event's cluster and GDELT-style counts, one row group per call to
//! [`ParquetWriter::write_batch`]. Numeric columns (offsets, goldstein, quad class, lat/lon,
//! confidence, counts) and the flags (`negated`, `historical`: booleans) are typed; the rest
//! are UTF-8 strings; empty values are nulls.
//! Uncompressed (no codec features are built, to keep build time down).

use crate::formats::flat_fields;
use crate::{CodedEvent, Counts, FLAT_COLUMNS};
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use std::io::Write;
use std::sync::Arc;

/// Flat columns stored as numbers (Int64 for offsets and classes, Float64 for the rest).
const INTS: &[&str] = &["trigger_start", "trigger_end", "quad_class"];
const FLOATS: &[&str] = &["goldstein", "lat", "lon", "confidence"];
/// Flat columns stored as booleans (the same type as the Spark adapter's `EVENT_SCHEMA`).
const BOOLS: &[&str] = &["negated", "historical"];
/// Columns after the flat ones.
pub const EXTRA_COLUMNS: &[&str] = crate::CLUSTER_COLUMNS;

/// A Parquet write failed.
#[derive(Debug, thiserror::Error)]
#[error("parquet: {0}")]
pub struct ParquetError(String);

/// Streams rows into a Parquet file.
pub struct ParquetWriter<W: Write + Send> {
    inner: parquet::arrow::ArrowWriter<W>,
    schema: Arc<Schema>,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter").finish_non_exhaustive()
    }
}

fn schema() -> Arc<Schema> {
    let mut fields: Vec<Field> = FLAT_COLUMNS
        .iter()
        .map(|c| {
            let t = if INTS.contains(c) {
                DataType::Int64
            } else if FLOATS.contains(c) {
                DataType::Float64
            } else if BOOLS.contains(c) {
                DataType::Boolean
            } else {
                DataType::Utf8
            };
            Field::new(*c, t, true)
        })
        .collect();
    fields.extend(EXTRA_COLUMNS.iter().map(|c| Field::new(*c, DataType::Int64, true)));
    Arc::new(Schema::new(fields))
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Result<Self, ParquetError> {
        let schema = schema();
        let inner = parquet::arrow::ArrowWriter::try_new(out, schema.clone(), None)
            .map_err(|e| ParquetError(e.to_string()))?;
        Ok(ParquetWriter { inner, schema })
    }

    /// Writes rows (each with its cluster id and counts) as one row group.
    pub fn write_batch(
        &mut self,
        rows: &[(CodedEvent, Option<i64>, Counts)],
    ) -> Result<(), ParquetError> {
        let flat: Vec<Vec<String>> = rows.iter().map(|(r, _, _)| flat_fields(r)).collect();
        let mut columns: Vec<ArrayRef> = Vec::with_capacity(self.schema.fields().len());
        for (i, c) in FLAT_COLUMNS.iter().enumerate() {
            let values = flat.iter().map(|f| f.get(i).filter(|v| !v.is_empty()));
            let col: ArrayRef = if INTS.contains(c) {
                Arc::new(
                    values.map(|v| v.and_then(|v| v.parse::<i64>().ok())).collect::<Int64Array>(),
                )
            } else if FLOATS.contains(c) {
                Arc::new(
                    values.map(|v| v.and_then(|v| v.parse::<f64>().ok())).collect::<Float64Array>(),
                )
            } else if BOOLS.contains(c) {
                Arc::new(
                    values
                        .map(|v| v.and_then(|v| v.parse::<bool>().ok()))
                        .collect::<BooleanArray>(),
                )
            } else {
                Arc::new(values.map(|v| v.map(String::as_str)).collect::<StringArray>())
            };
            columns.push(col);
        }
        columns.push(Arc::new(rows.iter().map(|(_, c, _)| *c).collect::<Int64Array>()));
        columns.push(Arc::new(
            rows.iter().map(|(_, _, n)| Some(i64::from(n.mentions))).collect::<Int64Array>(),
        ));
        columns.push(Arc::new(
            rows.iter().map(|(_, _, n)| Some(i64::from(n.sources))).collect::<Int64Array>(),
        ));
        columns.push(Arc::new(
            rows.iter().map(|(_, _, n)| Some(i64::from(n.articles))).collect::<Int64Array>(),
        ));
        let batch = RecordBatch::try_new(self.schema.clone(), columns)
            .map_err(|e| ParquetError(e.to_string()))?;
        self.inner.write(&batch).map_err(|e| ParquetError(e.to_string()))
    }

    /// Writes the footer (the file is unreadable without it) and flushes the output, so that
    /// a write error is reported here rather than lost when the writer is dropped.
    pub fn finish(self) -> Result<W, ParquetError> {
        // `into_inner` flushes the last row group and writes the footer.
        let mut out = self.inner.into_inner().map_err(|e| ParquetError(e.to_string()))?;
        out.flush().map_err(|e| ParquetError(e.to_string()))?;
        Ok(out)
    }
}
