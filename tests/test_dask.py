"""The extractor on a real distributed.LocalCluster: two worker processes
give the same rows as the serial run over the corpus."""
import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from bhxh_extract.dask import extract_dataframe  # noqa: E402
from bhxh_extract.frames import DOCUMENTS_META, MENTIONS_META, extract_frame  # noqa: E402
from conftest import CORPUS  # noqa: E402

KEY = ["doc_id", "type", "start", "end"]


@pytest.fixture(scope="module")
def documents():
    paths = sorted(CORPUS.glob("*.txt"))
    df = pd.DataFrame({"id": [p.stem for p in paths], "text": [p.read_text(encoding="utf-8") for p in paths]})
    df.loc[len(df)] = {"id": "blank", "text": ""}          # a failing document travels too
    return df


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def test_the_cluster_gives_the_rows_of_the_serial_run(client, documents):
    lazy = extract_dataframe(dd.from_pandas(documents, npartitions=4))
    assert lazy.dtypes.equals(MENTIONS_META.dtypes)                 # meta, before anything runs
    result = lazy.compute()
    serial = extract_frame(documents)
    assert len(client.scheduler_info()["workers"]) == 2
    assert result.dtypes.equals(serial.dtypes)
    pd.testing.assert_frame_equal(result.sort_values(KEY).reset_index(drop=True),
                                  serial.sort_values(KEY).reset_index(drop=True))
    assert result.error.notna().sum() == 1 and len(result) > 400


def test_the_documents_table_on_the_cluster(client, documents):
    result = extract_dataframe(dd.from_pandas(documents, npartitions=3), table="documents").compute()
    assert result.dtypes.equals(DOCUMENTS_META.dtypes)
    assert sorted(result.doc_id) == sorted(documents.id)


def test_a_missing_text_column_is_a_clear_error(documents):
    with pytest.raises(ValueError, match="'body'"):
        extract_dataframe(dd.from_pandas(documents, npartitions=2), text_col="body")
